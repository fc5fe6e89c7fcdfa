select path, source_kind, sha256, size_bytes, run_id, loaded_at, read_with from store.input_file
