// Report the first painted frame, the same way Politely's page does.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke('painted', { pageMs: Math.round(performance.now()) })));
