export * from './common.ts';
export * from './document.ts';
export * from './entities.ts';
