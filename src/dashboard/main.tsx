import { h, render } from 'preact';
import './dashboard.css';
import { createDashboardClient } from './api/dashboard-client';
import { DashboardApp } from './dashboard-app';
import type { DashboardDeps } from './dashboard-deps';

/*
 * The dashboard's one module that touches window and document at load: it
 * gathers what the app needs from the browser and renders it into #app.
 */

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Blocked by the browser's privacy settings: the theme lasts for the visit.
  }
}

const deps: DashboardDeps = {
  client: createDashboardClient((input, init) => fetch(input, init)),
  openEvents: (url) => new EventSource(url),
  storage: storage(),
  location: {
    read: () => window.location.hash,
    go: (hash) => {
      window.location.hash = hash;
    },
    subscribe(listener) {
      window.addEventListener('hashchange', listener);
      return () => window.removeEventListener('hashchange', listener);
    },
  },
  html: document.documentElement,
  timers: { setTimeout: (callback, ms) => window.setTimeout(callback, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) },
  languages: navigator.languages?.length ? navigator.languages : [navigator.language],
};

render(<DashboardApp deps={deps} />, document.getElementById('app')!);
