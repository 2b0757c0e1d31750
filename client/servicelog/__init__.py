"""Realisasi from the office's service logs (what no peer does).

A person chooses an indicator and a CSV exported by the office's service
system. ``log.preview(path)`` shows its head and guesses how to read it;
``log.read_log(path, spec)`` reads every row, listing malformed ones by line;
``realisasi.summarise`` counts the period's completed requests and their
completion times in working days (domain.workdays); ``realisasi.propose``
gives one value per indicator with its reason. ``realisasi_from_log`` does
the three after the preview. Nothing is saved here.
"""
