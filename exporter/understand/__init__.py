"""Understanding: turn the sentences of a document into times, places and events."""
