// The chassis's, so its own tests use the same.
export { findFreePort } from '@play-economy/chassis/web';
