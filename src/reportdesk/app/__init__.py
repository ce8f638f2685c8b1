"""The application layer: what the UI and the CLI call (sessions on drafts, reading any report file,
last year's report, the batch check, per-user paths). Below it: core, storage and documents."""
