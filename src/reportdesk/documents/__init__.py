"""Reading and writing office documents (.docx, .xlsx) and converting them to PDF.

This is the only package that imports python-docx and openpyxl.  Its modules import them
inside functions or at module level of the writer modules only, so that importing
:mod:`reportdesk.documents.options` (what the UI and the CLI need to describe an export)
stays cheap.
"""
