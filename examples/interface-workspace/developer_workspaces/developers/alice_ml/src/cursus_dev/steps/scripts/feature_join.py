"""Entry point of the feature_join step (runs in the container)."""


def main():
    pass


if __name__ == "__main__":
    main()
