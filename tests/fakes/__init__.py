"""Loopback fakes of what is outside Herald: Slack's Web API, Teams Workflows, feed servers."""
