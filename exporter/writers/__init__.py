"""Writers turn understood values into the bytes of each export format."""
