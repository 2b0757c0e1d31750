"""What screens and commands talk to; no Textual."""
