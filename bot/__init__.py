"""The only code that knows Slack or Teams: verify, translate, render, deliver."""
