"""What the atlas build reads: walk folders and .zip archives, load bytes, infer metadata, apply a manifest."""
