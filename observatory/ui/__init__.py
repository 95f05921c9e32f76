"""The presentation layer's shared parts: cached loaders, sidebar state, common widgets.

The only package modules that import Streamlit; pages call these and the plain modules below."""
