export * from './ort-errors.js';
export * from './ort-session.js';
export * from './ort-tensor.js';
export * from './tensor-check.js';
