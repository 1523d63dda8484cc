export { createFavouritesService, type FavouritesService } from './favourites.service.js';
export { favouriteRoutes } from './favourites.routes.js';
export { createFavouritesMemberData } from './favourites.member-data.js';
