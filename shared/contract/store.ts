// Store controls (electron/core/store): pause / resume, busy mode, 86.
import { z } from 'zod';
import {
  AvailabilityRequest,
  AvailabilityState,
  BusyRequest,
  CatalogObjectHit,
  CatalogSearchQuery,
  PauseRequest,
  ResumeRequest,
  StoreStatus,
} from '../store.js';
import { call } from './call.js';

export const storeCalls = {
  getStore: call({ method: 'GET', path: '/api/store', response: StoreStatus }),
  /** `minutes`, `until` (epoch ms or local "HH:MM") or `restOfDay`; none of them: until resumed. */
  pauseStore: call({
    method: 'POST',
    path: '/api/store/pause',
    body: PauseRequest,
    response: StoreStatus,
    manager: true,
  }),
  resumeStore: call({
    method: 'POST',
    path: '/api/store/resume',
    body: ResumeRequest,
    response: StoreStatus,
    manager: true,
  }),
  /** Busy mode: `extraMinutes` on every order's prep time, until switched off (0) or a time passes. */
  setBusyMode: call({
    method: 'POST',
    path: '/api/store/busy',
    body: BusyRequest,
    response: StoreStatus,
  }),
  getAvailability: call({
    method: 'GET',
    path: '/api/catalog/availability',
    response: AvailabilityState,
  }),
  /** 86 several objects at once (`available: false`, for `hours`, `until`, `restOfDay` or until
   * turned back on), or turn them back on (`available: true`). */
  setAvailability: call({
    method: 'POST',
    path: '/api/catalog/availability',
    body: AvailabilityRequest,
    response: AvailabilityState,
    manager: true,
  }),
  /** Item families, items and modifiers by name, with whether each is 86'd: the 86 screen's search. */
  searchCatalogObjects: call({
    method: 'GET',
    path: '/api/catalog/objects',
    query: CatalogSearchQuery,
    response: z.object({ objects: z.array(CatalogObjectHit) }),
  }),
} as const;
