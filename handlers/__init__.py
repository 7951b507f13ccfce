"""Turn chat text into a typed command and a platform-neutral `Reply`. No Slack or Teams here."""
