export { createMediaService, sniffImageType, type MediaService } from './media.service.js';
export { AVATAR_UPLOAD_PATH, memberMediaRoutes, merchantMediaRoutes, uploadsServeRoutes, UPLOAD_PATH } from './media.routes.js';
