"""Every user-facing text, one module per area of the app (it, en pairs); read through observatory.labels.t."""
