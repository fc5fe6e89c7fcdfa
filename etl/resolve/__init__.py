"""One identity per country, official and initiative."""
