"""Source data for the bundled newsbrief sample corpus (invented news, two days)."""
