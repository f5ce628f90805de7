export * from './librarySystem';
export * from './errors';
export { guardLibrarySystem, type GuardOptions } from './guardedLibrarySystem';
export { injectFaults, type FaultInjectingLibrarySystem, type FaultMode } from './faultInjection';
export {
  openDemoLibrarySystem,
  DemoLibrarySystem,
  demoPatrons,
  type DemoBranch,
  type DemoLibrarySystemOptions,
} from './demo/demoLibrarySystem';
