"""Aspire: an offline coach for "What are your career aspirations?"."""

__version__ = "0.1.0"
