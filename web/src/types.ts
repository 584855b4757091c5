/**
 * Shapes of the API's answers (see /api/openapi.json): one definition, src/server/api-types.ts,
 * for the server and the front end alike.
 */
export type * from '../../src/server/api-types';
