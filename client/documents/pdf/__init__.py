"""The official documents drawn as PDF with ReportLab: one module per document.

``write_skp_pdf``, ``write_evaluation_pdf`` and ``write_recap_pdf`` take the
plain document of ``client.documents.model`` and a path; the ``*_pdf_bytes``
functions return the bytes instead (for a caller that writes the file itself).
"""

from client.documents.pdf.evaluation import evaluation_pdf_bytes, write_evaluation_pdf
from client.documents.pdf.recap import recap_pdf_bytes, write_recap_pdf
from client.documents.pdf.skp import skp_pdf_bytes, write_skp_pdf

__all__ = [
    "evaluation_pdf_bytes",
    "recap_pdf_bytes",
    "skp_pdf_bytes",
    "write_evaluation_pdf",
    "write_recap_pdf",
    "write_skp_pdf",
]
