"""Parliament watch: polling Hansard, written questions and statements, and the Members API."""
