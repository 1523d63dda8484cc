export { createMediaService, sniffImageType, type MediaService } from './media.service.js';
export { merchantMediaRoutes, uploadsServeRoutes, UPLOAD_PATH } from './media.routes.js';
