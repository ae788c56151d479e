export * from './config/server-config.js';
export * from './config/rate-limit-spec.js';
export * from './auth/check-auth.js';
export * from './http/http-error.js';
export * from './openapi/openapi-document.js';
export * from './scan/format-response.js';
export * from './create-server.js';
export * from './workers/start-server.js';
