__all__: list[str] = []  # nothing here: each module says what it offers
