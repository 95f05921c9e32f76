"""The one exception type a user can meet: its message is plain Italian, shown with st.error."""


class ObservatoryError(Exception):
    """An error whose message (Italian) can be shown to a user as it is."""
