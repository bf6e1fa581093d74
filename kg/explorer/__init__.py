"""kg serve's graph explorer: a web app over the store, with query workers and limits."""
