"""Offline reading: the web app manifest, the service worker's configuration and the offline page
(README.md 离线阅读). The worker itself is browser code: docs/assets/portal/offline-sw.js."""
