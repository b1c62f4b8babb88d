"""Entry point of the xgboost_training step (runs in the container)."""


def main():
    pass


if __name__ == "__main__":
    main()
