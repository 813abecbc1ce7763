"""Staff screens behind the PIN."""
