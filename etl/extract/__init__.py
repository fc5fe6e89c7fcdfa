"""Text -> engagements: people and titles, places, dates, initiatives, and the sentence that proves each event."""
