"""Kepegawaian (ctrl+f): the HR office's area, for those the permission table lets write
the organisation's data (the admin role)."""
