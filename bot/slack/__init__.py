"""Slack: Bolt app, request handling, Block Kit rendering, posting."""
