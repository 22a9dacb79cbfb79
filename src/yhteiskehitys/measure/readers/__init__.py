"""Readers of survey-tool exports (hook ``yk_readers``): one small module per tool, all on the
common decoding in :mod:`.tabular`."""
