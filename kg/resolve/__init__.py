"""Resolution: mentions to canonical entities, values to normal forms."""
