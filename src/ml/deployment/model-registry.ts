import { fail } from '../core/validate.ts';

/** Where a version stands in the release process. */
export type ModelStatus = 'candidate' | 'serving' | 'fallback' | 'rejected' | 'rolled back' | 'retired';

export interface ModelVersion {
  /** 1, 2, 3, … in order of registration; shown as v1, v2, … */
  version: number;
  name: string;
  /** Day it was registered and why it was trained ('initial', 'schedule', 'drift'). */
  day: number;
  reason: string;
  status: ModelStatus;
}

/**
 * The versions a release process knows about, and which of them serves. Pure structure: it records
 * what the rules decide (simulate-release.ts) and refuses moves that make no sense. The version that
 * served before the current one stays as the fallback, ready to take the traffic back at once.
 */
export class ModelRegistry {
  readonly versions: ModelVersion[] = [];
  current: number | null = null;
  fallback: number | null = null;

  /** Adds a new version as a candidate and returns its number. */
  register(day: number, reason: string): number {
    const version = this.versions.length + 1;
    this.versions.push({ version, name: `v${version}`, day, reason, status: 'candidate' });
    return version;
  }

  get(version: number): ModelVersion {
    const found = this.versions[version - 1];
    if (!found) fail('ModelRegistry', `there is no version ${version} (registered: ${this.versions.length})`);
    return found;
  }

  /** The candidate serves all traffic; the one it replaces becomes the fallback, the old fallback retires. */
  promote(version: number): void {
    const model = this.get(version);
    if (model.status !== 'candidate') fail('ModelRegistry.promote', `${model.name} is ${model.status}, not a candidate`);
    if (this.fallback !== null) this.get(this.fallback).status = 'retired';
    if (this.current !== null) this.get(this.current).status = 'fallback';
    this.fallback = this.current;
    this.current = version;
    model.status = 'serving';
  }

  /** A candidate that failed a check never serves again. */
  reject(version: number): void {
    const model = this.get(version);
    if (model.status !== 'candidate') fail('ModelRegistry.reject', `${model.name} is ${model.status}, not a candidate`);
    model.status = 'rejected';
  }

  /** The serving version is withdrawn and the fallback serves again; returns the version now serving. */
  rollback(): number {
    if (this.current === null || this.fallback === null) fail('ModelRegistry.rollback', 'there is no fallback version to return to');
    this.get(this.current).status = 'rolled back';
    this.get(this.fallback).status = 'serving';
    this.current = this.fallback;
    this.fallback = null;
    return this.current;
  }

  nameOf(version: number | null): string {
    return version === null ? 'none' : this.get(version).name;
  }
}
