export * from './common';
export * from './auth';
export * from './jobs';
export * from './billing';
export * from './stats';
export * from './matching';
export * from './candidates';
