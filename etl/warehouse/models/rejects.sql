select run_id, source_kind, input_path, locator, field, reason, record from store.reject
