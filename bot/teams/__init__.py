"""Microsoft Teams: outgoing webhook, Adaptive Cards, Workflows delivery."""
