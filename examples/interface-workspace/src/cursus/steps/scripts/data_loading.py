"""Entry point of the data_loading step (runs in the container)."""


def main():
    pass


if __name__ == "__main__":
    main()
