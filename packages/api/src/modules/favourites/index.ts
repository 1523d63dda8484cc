export { createFavouritesService, type FavouritesService } from './favourites.service.js';
export { favouriteRoutes } from './favourites.routes.js';
