"""The domain of ReportDesk: plain Python and the standard library only (no Qt, no office libraries)."""
