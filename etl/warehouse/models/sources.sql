select source_id, kind, uri, locator, title, published_at, loaded_at, input_path
from store.source
