"""One module per publisher: its API and format in, a tidy DataFrame out. No Streamlit here."""
