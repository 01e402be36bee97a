"""The HTML front end."""
