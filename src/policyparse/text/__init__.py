"""The scraped-text front end."""
