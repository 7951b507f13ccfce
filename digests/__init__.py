"""Compose digests as data (a Reply), schedule them, and hand them to bot/ for delivery."""
